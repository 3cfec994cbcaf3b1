/** Decoding of note files: UTF-8 with or without BOM; anything else is an error. */

/** Thrown when a file is not valid UTF-8; the message names what was expected. */
export class DecodeError extends Error {
  override name = 'DecodeError'
}

/**
 * Decodes UTF-8 bytes, dropping a leading BOM. Offsets in the model are
 * offsets in the returned string. CRLF is kept: line and column positions
 * count `\r\n` as one line break.
 */
export function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes)
  } catch {
    throw new DecodeError('Unexpected bytes that are not UTF-8, expected a UTF-8 text file')
  }
}
