/** The JSON emitter: the model, pretty-printed, keys in schema order, final newline. */
import { DocumentModel } from '../model/schema.ts'

/** Serializes a model after validating it against the schema. */
export function emitJson(model: DocumentModel): string {
  return `${JSON.stringify(DocumentModel.parse(model), null, 2)}\n`
}
