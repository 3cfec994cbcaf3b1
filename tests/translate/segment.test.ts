import { describe, expect, it } from 'vitest'
import { splitSentences } from '../../src/translate/segment.ts'

describe('splitSentences (French)', () => {
  it.each([
    ['M. Dupont est venu. Il a dit bonjour.', ['M. Dupont est venu.', 'Il a dit bonjour.']],
    [
      'Voir p. 12 et art. 5 du texte. Puis la suite.',
      ['Voir p. 12 et art. 5 du texte.', 'Puis la suite.'],
    ],
    ['Des pommes, des poires, etc. Et ensuite ?', ['Des pommes, des poires, etc. Et ensuite ?']],
    ['Voir le chap. 3 pour la suite. Fin.', ['Voir le chap. 3 pour la suite.', 'Fin.']],
    ['J.-P. Sartre écrit. Oui.', ['J.-P. Sartre écrit.', 'Oui.']],
    [
      'Le taux est de 2,5 %. Il monte à 3.5 points.',
      ['Le taux est de 2,5 %.', 'Il monte à 3.5 points.'],
    ],
    ['« Il faut agir. » Il a ajouté cela.', ['« Il faut agir. »', 'Il a ajouté cela.']],
    ['Le texte (voir Smith et al. 2020). Suite.', ['Le texte (voir Smith et al. 2020).', 'Suite.']],
    ['Question ? Réponse ! Fin.', ['Question ?', 'Réponse !', 'Fin.']],
    ['  Une seule phrase sans point  ', ['Une seule phrase sans point']],
  ])('%s', (text, expected) => {
    expect(splitSentences(text)).toEqual(expected)
  })

  it('breaks a plain sequence of sentences', () => {
    expect(splitSentences('Un. Deux. Trois.')).toEqual(['Un.', 'Deux.', 'Trois.'])
  })
})
