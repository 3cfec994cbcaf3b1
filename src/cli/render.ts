/**
 * `npm run render`: converts every `output/<doc-id>/brief.fr.docx` to PDF
 * with LibreOffice headless and to PNG pages with pdftoppm, into
 * `output/<doc-id>/render/`, for review. Needs `soffice` and `pdftoppm`.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { loadConfig } from '../config/resolve.ts'

/**
 * Converts .docx files to PDF in `outDir` with LibreOffice headless, in one
 * run; `profile` is a throw-away LibreOffice user folder.
 */
export function convertToPdf(docxFiles: string[], outDir: string, profile: string): void {
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      outDir,
      ...docxFiles,
    ],
    { stdio: 'pipe', timeout: 120_000 },
  )
}

/** Renders one brief; returns the PNG pages written. */
export function renderBrief(docx: string, outDir: string, profile: string): string[] {
  mkdirSync(outDir, { recursive: true })
  for (const old of readdirSync(outDir))
    if (/\.(pdf|png)$/.test(old)) rmSync(path.join(outDir, old))
  convertToPdf([docx], outDir, profile)
  const pdf = path.join(outDir, `${path.basename(docx, '.docx')}.pdf`)
  if (!existsSync(pdf)) throw new Error(`${docx}: LibreOffice wrote no PDF, expected ${pdf}`)
  execFileSync('pdftoppm', ['-png', '-r', '110', pdf, path.join(outDir, 'page')], { stdio: 'pipe' })
  return readdirSync(outDir)
    .filter((name) => name.endsWith('.png'))
    .sort()
}

async function main(): Promise<number> {
  const config = await loadConfig(null, process.cwd())
  const briefs = existsSync(config.output)
    ? readdirSync(config.output)
        .filter((id) => !id.startsWith('.')) // the lock, temporary files
        .map((id) => path.join(config.output, id, 'brief.fr.docx'))
        .filter((file) => existsSync(file))
        .sort()
    : []
  if (briefs.length === 0) {
    process.stderr.write(`${config.output}: no brief.fr.docx found, run \`fiche build\` first\n`)
    return 1
  }
  const profile = mkdtempSync(path.join(tmpdir(), 'fiche-render-'))
  let failed = 0
  try {
    for (const brief of briefs) {
      const outDir = path.join(path.dirname(brief), 'render')
      try {
        const pages = renderBrief(brief, outDir, profile)
        process.stderr.write(
          `rendered ${path.relative(process.cwd(), brief)}: ${pages.length} page(s) in ${path.relative(process.cwd(), outDir)}\n`,
        )
      } catch (error) {
        failed++
        process.stderr.write(
          `error: ${path.relative(process.cwd(), brief)}: cannot render (${(error as Error).message})\n`,
        )
      }
    }
  } finally {
    rmSync(profile, { recursive: true, force: true })
  }
  return failed > 0 ? 1 : 0
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main()
}
