/**
 * Every link of a note is in the model, whatever its form (inline, URL as
 * text, autolink, bare URL, `mailto:`, reference-style), with its role; the
 * count and targets are checked against pandoc's reader on the fixtures and
 * the sample notes.
 */
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { classifyRole } from '../../src/text/citations.ts'
import { modelOf, root } from '../helpers.ts'
import { checkText } from '../validate/helpers.ts'

/** The link targets pandoc finds, in document order (bare URLs read as links, as GFM does). */
function pandocLinks(file: string): string[] {
  const json = execFileSync(
    'pandoc',
    ['-f', 'markdown+autolink_bare_uris', '-t', 'json', path.join(root, file)],
    { encoding: 'utf8' },
  )
  const targets: string[] = []
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk)
    else if (node && typeof node === 'object') {
      const { t, c } = node as { t?: string; c?: unknown }
      if (t === 'Link') targets.push(((c as unknown[])[2] as string[])[0]!)
      Object.values(node).forEach(walk)
    }
  }
  walk(JSON.parse(json))
  return targets
}

async function modelLinks(file: string) {
  const model = await modelOf(readFileSync(path.join(root, file)), path.basename(file))
  return model.citations.filter((c) => c.kind !== 'attribution')
}

const notes = [
  'tests/fixtures/links/forms.md',
  'input/cesia-note-2026-02-05.md',
  'tests/fixtures/translate/note.md',
  'tests/fixtures/glossary/parallel/note.fr.md',
  'tests/fixtures/glossary/parallel/note.en.md',
]

describe('links against pandoc', () => {
  it.each(notes)('%s has every link pandoc finds', async (file) => {
    const links = await modelLinks(file)
    expect(links.map((link) => link.href).sort()).toEqual(pandocLinks(file).sort())
  })

  it('finds 21 links in the forms fixture', async () => {
    expect(pandocLinks('tests/fixtures/links/forms.md')).toHaveLength(21)
  })
})

describe('link roles', () => {
  it('classifies every link of the forms fixture', async () => {
    const links = await modelLinks('tests/fixtures/links/forms.md')
    const role = (href: string) => links.filter((l) => l.href === href).map((l) => l.role)
    expect(role('https://example.org/a')).toEqual(['citation', 'citation'])
    expect(role('mailto:equipe@example.org')).toEqual(['contact'])
    expect(role('mailto:contact@example.org')).toEqual(['contact'])
    expect(role('tel:+33100000000')).toEqual(['contact'])
    expect(role('https://matrix.to/#/#fiche:example.org')).toEqual(['contact'])
    expect(role('https://discord.gg/abc')).toEqual(['contact'])
    expect(role('#section-2')).toEqual(['navigation'])
    expect(role('./autre-note.md')).toEqual(['navigation'])
    expect(role('https://k.example.org')).toEqual(['citation'])
    expect(links.filter((l) => l.role === 'citation')).toHaveLength(14)
  })

  it('keeps placeholders and documents as citations', () => {
    expect(classifyRole('link', '#')).toBe('citation')
    expect(classifyRole('author-year', '#intro')).toBe('citation')
    expect(classifyRole('link', 'TODO')).toBe('citation')
    expect(classifyRole('link', 'annexe.pdf')).toBe('citation')
    expect(classifyRole('link', 'https://chat.example.org/room')).toBe('contact')
    expect(classifyRole('link', 'https://example.org/chat')).toBe('citation')
    expect(classifyRole('attribution', null)).toBe('citation')
  })

  it('sources figures only with citations', async () => {
    const { model, messages } = await checkText(
      '# T\n\n## Faits\n\n- Une hausse de 40 % des demandes, écrire à [nous](mailto:a@b.fr) pour plus.\n- Une hausse de 30 % des demandes selon [Insee, 2024](https://insee.fr).\n',
    )
    const [first, second] = model.bullets
    expect(first!.citationIds).toEqual([])
    expect(second!.citationIds).toHaveLength(1)
    expect(messages.filter((m) => m.ruleId === 'statistic-has-source')).toHaveLength(1)
    expect(messages.find((m) => m.ruleId === 'statistic-has-source')?.message).toContain('40 %')
  })
})
