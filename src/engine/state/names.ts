// Container names in Docker's style (`adjective_surname`) for containers started without --name.

import { nextInt } from './random.ts';
import type { MachineState } from './machine-state.ts';

const ADJECTIVES = [
  'admiring', 'adoring', 'affectionate', 'agitated', 'amazing', 'angry', 'awesome', 'beautiful', 'blissful',
  'bold', 'brave', 'busy', 'charming', 'clever', 'compassionate', 'competent', 'confident', 'cool', 'cranky',
  'crazy', 'determined', 'distracted', 'dreamy', 'eager', 'ecstatic', 'elastic', 'elated', 'elegant',
  'eloquent', 'epic', 'exciting', 'fervent', 'festive', 'flamboyant', 'focused', 'friendly', 'frosty',
  'funny', 'gallant', 'gifted', 'goofy', 'gracious', 'great', 'happy', 'hardcore', 'heuristic', 'hopeful',
  'hungry', 'infallible', 'inspiring', 'intelligent', 'interesting', 'jolly', 'jovial', 'keen', 'kind',
  'laughing', 'loving', 'lucid', 'magical', 'modest', 'musing', 'mystifying', 'naughty', 'nervous', 'nice',
  'nifty', 'nostalgic', 'objective', 'optimistic', 'peaceful', 'pedantic', 'pensive', 'practical',
  'priceless', 'quirky', 'quizzical', 'relaxed', 'reverent', 'romantic', 'sad', 'serene', 'sharp', 'silly',
  'sleepy', 'stoic', 'strange', 'stupefied', 'suspicious', 'sweet', 'tender', 'thirsty', 'trusting',
  'upbeat', 'vibrant', 'vigilant', 'vigorous', 'wizardly', 'wonderful', 'xenodochial', 'youthful', 'zealous',
  'zen',
];

const SURNAMES = [
  'agnesi', 'albattani', 'allen', 'archimedes', 'babbage', 'banach', 'bardeen', 'bartik', 'bhabha', 'blackwell',
  'bohr', 'booth', 'borg', 'bose', 'brahmagupta', 'brattain', 'brown', 'carson', 'cerf', 'chandrasekhar',
  'clarke', 'cohen', 'curie', 'darwin', 'davinci', 'diffie', 'dijkstra', 'einstein', 'elion', 'engelbart',
  'euclid', 'euler', 'faraday', 'fermat', 'fermi', 'feynman', 'franklin', 'galileo', 'gauss', 'goldberg',
  'goodall', 'hamilton', 'hawking', 'heisenberg', 'hellman', 'hertz', 'hodgkin', 'hopper', 'hypatia',
  'jackson', 'jang', 'johnson', 'kalam', 'kepler', 'khorana', 'knuth', 'kowalevski', 'lamarr', 'lamport',
  'leakey', 'lederberg', 'liskov', 'lovelace', 'lumiere', 'mayer', 'mccarthy', 'mcclintock', 'meitner',
  'mendel', 'merkle', 'mirzakhani', 'morse', 'napier', 'newton', 'nobel', 'noether', 'pascal', 'pasteur',
  'perlman', 'pike', 'poincare', 'ptolemy', 'raman', 'ramanujan', 'ritchie', 'rosalind', 'sammet', 'shannon',
  'shockley', 'sinoussi', 'stonebraker', 'swanson', 'tesla', 'thompson', 'torvalds', 'turing', 'varahamihira',
  'volhard', 'wescoff', 'wilbur', 'wiles', 'williams', 'wing', 'wozniak', 'wright', 'yalow', 'yonath',
];

/** A name no container has; like Docker, a clash is retried with a digit appended. */
export function generateContainerName(state: MachineState): string {
  const taken = new Set(state.containers.map((container) => container.name));
  for (let attempt = 0; ; attempt++) {
    let name = `${ADJECTIVES[nextInt(state, ADJECTIVES.length)]}_${SURNAMES[nextInt(state, SURNAMES.length)]}`;
    if (attempt > 0) name += String(nextInt(state, 10));
    if (!taken.has(name)) return name;
  }
}
