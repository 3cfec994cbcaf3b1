/**
 * The bare-parse baseline of `npm run bench`: parses every .md file of the
 * folders given as arguments with unified + remark-parse + remark-gfm, in one
 * single-threaded Node process, and prints the number of files and bytes.
 * No extraction, no validation, no output: what any Markdown tool pays.
 */
/* global console, process */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'

const processor = unified().use(remarkParse).use(remarkGfm)
let files = 0
let bytes = 0
for (const folder of process.argv.slice(2)) {
  for (const name of readdirSync(folder).sort()) {
    if (!name.endsWith('.md')) continue
    const text = readFileSync(path.join(folder, name), 'utf8')
    processor.runSync(processor.parse(text))
    files++
    bytes += text.length
  }
}
console.log(`${files} files, ${bytes} characters parsed`)
