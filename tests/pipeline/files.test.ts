import { symlinkSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempProject } from '../helpers.ts'
import { findNotes, NotesError } from '../../src/pipeline/files.ts'

/** A temporary project with the given files (path → content). */
const project = (files: Record<string, string>) => tempProject(files, 'fiche-files-')

const names = (dir: string, files: string[]) =>
  files.map((f) => path.relative(dir, f).split(path.sep).join('/'))

describe('findNotes', () => {
  it('never takes the lock, temporary files or the output folder for notes', () => {
    const dir = project({
      'note.md': '# Note\n',
      // What a killed build leaves: a temporary file of a note-like name, the lock.
      '.note.md.1234.tmp': '# Half',
      '.brouillon.md': '# Hidden',
      '.fiche.lock': '1234\n',
      'output/.fiche.lock': '1234\n',
      'output/note/glossary.md': '# Glossaire\n',
    })
    const out = path.join(dir, 'output')
    expect(findNotes([dir], { root: dir, excluded: [out] })).toEqual({
      files: [path.join(dir, 'note.md')],
      warnings: [],
    })
  })

  it('expands globs from the current folder and leaves out the output folder', () => {
    const dir = project({
      'notes/a.md': '# A\n',
      'notes/b.txt': 'B\n',
      'notes/sub/c.md': '# C\n',
      'notes/image.png': 'x',
      'output/a/glossary.md': '# G\n',
    })
    const options = { root: dir, cwd: dir, excluded: [path.join(dir, 'output')] }
    const found = findNotes(['notes/*.md', '**/c.md'], options)
    expect(names(dir, found.files)).toEqual(['notes/a.md', 'notes/sub/c.md'])
    // The outputs are never notes, even when a glob names them.
    expect(() => findNotes(['output/**/*.md'], options)).toThrow('no file matches output/**/*.md')
  })

  it('skips what .ficheignore and the ignore option name, but not a file named on purpose', () => {
    const dir = project({
      '.ficheignore': '# brouillons\ndrafts/\n*.draft.md\n',
      'notes/a.md': '# A\n',
      'notes/a.draft.md': '# A draft\n',
      'drafts/b.md': '# B\n',
      'archive/old.md': '# Old\n',
    })
    const found = findNotes([dir], { root: dir, ignore: ['archive/**'] })
    expect(names(dir, found.files)).toEqual(['notes/a.md'])
    const named = findNotes([path.join(dir, 'drafts/b.md')], { root: dir })
    expect(names(dir, named.files)).toEqual(['drafts/b.md'])
  })

  it('throws a NotesError naming a path that does not exist, an empty glob or no note at all', () => {
    const dir = project({ 'notes/readme.rst': 'x' })
    expect(() => findNotes(['absent.md'], { root: dir, cwd: dir })).toThrow(
      new NotesError('no such file or folder: absent.md'),
    )
    expect(() => findNotes(['notes/*.md'], { root: dir, cwd: dir })).toThrow(
      new NotesError('no file matches notes/*.md'),
    )
    expect(() => findNotes([path.join(dir, 'notes')], { root: dir, cwd: dir })).toThrow(
      new NotesError('no note (.md, .markdown or .txt) in notes'),
    )
    expect(
      findNotes([path.join(dir, 'notes'), 'absent.md'], { root: dir, allowEmpty: true }),
    ).toEqual({ files: [], warnings: [] })
  })

  it('follows symlinks inside the project, not outside unless asked, and walks a loop once', () => {
    const outside = project({ 'secret.md': '# Secret\n' })
    const dir = project({ 'notes/a.md': '# A\n', 'shared/b.md': '# B\n' })
    symlinkSync(path.join(dir, 'shared'), path.join(dir, 'notes', 'shared'))
    symlinkSync(path.join(dir, 'notes'), path.join(dir, 'notes', 'loop'))
    symlinkSync(outside, path.join(dir, 'notes', 'elsewhere'))
    symlinkSync(path.join(dir, 'nowhere.md'), path.join(dir, 'notes', 'broken.md'))
    const found = findNotes([path.join(dir, 'notes')], { root: dir, cwd: dir })
    // A broken note is kept, for the build to report it as a file it cannot read.
    expect(names(dir, found.files)).toEqual(['notes/a.md', 'notes/broken.md', 'notes/shared/b.md'])
    expect(found.warnings).toEqual([
      `notes/elsewhere: symlink to ${outside}, outside the project, not followed (set followSymlinks to follow it)`,
    ])
    const followed = findNotes([path.join(dir, 'notes')], {
      root: dir,
      cwd: dir,
      followSymlinks: true,
    })
    expect(names(dir, followed.files)).toContain('notes/elsewhere/secret.md')
  })
})
