// zxcvbn's estimate of how hard a password is to guess (0 = at once … 4 = very hard), with its dictionaries of
// common passwords, words and names. Large: loaded on demand only (see password-meter.js).
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';

const zxcvbn = new ZxcvbnFactory({
  dictionary: { ...common.dictionary, ...en.dictionary },
  graphs: common.adjacencyGraphs,
});

export function strength(password, hints = []) {
  return zxcvbn.check(password, hints.filter(Boolean)).score;
}
