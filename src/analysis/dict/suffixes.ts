// Korean particles (josa) and the endings we strip to reach a stem, as plain tables.
// Hand-written for analyzer v1; a lexicon-backed version replaces the guessing later.

/**
 * Particles, alone or stacked, that follow a noun: 벨라루스를 → 벨라루스 + 를.
 * Stacked forms are listed whole (에서는 = 에서 + 는) so one longest match strips them.
 */
export const PARTICLES: readonly string[] = [
  // case particles
  '이', '가', '을', '를', '은', '는', '의', '에', '에서', '에게', '에게서', '께', '께서', '한테', '한테서',
  '로', '으로', '로서', '으로서', '로써', '으로써', '로부터', '으로부터', '와', '과', '랑', '이랑',
  // auxiliary particles
  '도', '만', '까지', '부터', '마저', '조차', '처럼', '보다', '마다', '밖에', '대로', '만큼', '뿐', '이나', '나',
  '이든', '든', '이라도', '라도', '야말로', '이야말로', '요', '이요',
  // stacked
  '에는', '에도', '에서는', '에서도', '에서의', '에서만', '에서부터', '에게는', '에게도', '에게만', '에의', '에만',
  '으로는', '로는', '으로도', '로도', '으로의', '로의', '으로만', '로만', '와는', '과는', '와의', '과의', '와도', '과도',
  '까지는', '까지도', '까지의', '부터는', '부터의', '만은', '만이', '만을', '만의', '보다는', '보다도', '처럼은',
  '들', '들이', '들은', '들을', '들의', '들에', '들에게', '들과', '들도', '들로', '들로부터', '들만', '들보다', '들까지',
  // quotative and copula forms that behave like particles after nouns
  '이라', '라', '이란', '란', '이라는', '라는', '이라고', '라고', '이라며', '라며',
  '이다', '이며', '이고', '이었다', '였다', '이었고', '였고', '이었던', '였던', '인', '이던', '입니다', '이지만', '이므로', '이기', '임',
  '이라면', '라면', '이면', '이어서', '여서', '이어야', '이자', '이자는', '이었으며', '였으며',
]

/**
 * Endings of 하다/되다/시키다 verbs and adjectives, which attach to a noun stem:
 * 합의했다 / 합의하였다 / 합의한다 / 합의해 → 합의; 개설되었다 → 개설.
 */
const HA_FORMS = [
  '하다', '한다', '했다', '하였다', '하며', '했으며', '하였으며', '하고', '했고', '하였고', '하는', '한', '할', '함',
  '해', '하여', '해서', '하여서', '하기', '하기로', '하기도', '하기에', '하기는', '했던', '하던', '하면', '하면서', '하자',
  '했지만', '하지만', '하였지만', '하지', '하겠다', '했습니다', '합니다', '하였습니다', '해야', '하도록', '했으나',
  '하였으나', '하나', '했다고', '한다고', '하다고', '하여야', '해온', '해왔다', '했을', '했는데', '하는데', '한다며',
  '했다며', '한다는', '했다는', '하려고', '하려는', '하려', '하기위해', '하기위한', '하게', '하게된', '할것', '해도',
]
const DOE_FORMS = [
  '되다', '된다', '됐다', '되었다', '되며', '됐으며', '되었으며', '되고', '됐고', '되었고', '되는', '된', '될', '됨',
  '돼', '되어', '돼서', '되어서', '되기', '됐던', '되던', '되면', '되면서', '됐지만', '되지만', '되지', '되겠다',
  '됩니다', '됐습니다', '되었습니다', '돼야', '되어야', '되도록', '됐으나', '되었으나', '됐다고', '된다고', '된다는', '됐다는',
]
const SIKI_FORMS = ['시키다', '시킨다', '시켰다', '시키는', '시킨', '시킬', '시켜', '시키고', '시키며', '시켰으며', '시키기']

export const ENDINGS: readonly string[] = [...HA_FORMS, ...DOE_FORMS, ...SIKI_FORMS]

/** Every strippable suffix, longest first, so the first match is the longest. */
export const SUFFIXES: readonly string[] = [...new Set([...PARTICLES, ...ENDINGS])].sort((a, b) => b.length - a.length)

export const PARTICLE_SET: ReadonlySet<string> = new Set(PARTICLES)
