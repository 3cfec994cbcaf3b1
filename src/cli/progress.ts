/** Progress display: a bar on a terminal for many files, plain lines otherwise. */

/** Reports progress through a batch of files. */
export interface Progress {
  step(label: string): void
  done(): void
}

/** A bar redrawn in place on a TTY when there are many files; one line per file elsewhere. */
export function createProgress(total: number, stream: NodeJS.WriteStream, quiet = false): Progress {
  let count = 0
  const bar = stream.isTTY === true && total > 3
  return {
    step(label) {
      count++
      if (quiet) return
      if (!bar) {
        stream.write(`${label}\n`)
        return
      }
      const width = 24
      const filled = Math.round((count / total) * width)
      stream.write(
        `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${count}/${total} ${label.slice(0, 50).padEnd(50)}`,
      )
    },
    done() {
      if (bar && !quiet) stream.write('\n')
    },
  }
}
