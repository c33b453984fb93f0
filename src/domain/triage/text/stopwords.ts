/**
 * Indonesian stopwords for complaint text. Built from the Sastrawi list and stopwords-iso (both MIT),
 * keeping only function words: pronouns, prepositions, conjunctions, particles and fillers.
 *
 * Deliberately NOT stopwords, although the common lists remove them: words that change what a complaint
 * asks for or how urgent it is — negations (tidak, belum, bukan, jangan, tanpa), requests (tolong, mohon,
 * harap, segera), and state/duration words (masih, sudah, lama, lagi, sering, selalu, kurang, terlalu,
 * dekat, depan, kecil, sedikit, banyak). "Jalan belum diperbaiki" and "jalan sudah diperbaiki" must not
 * collapse to the same terms.
 */
export const NEGATIONS: ReadonlySet<string> = new Set(['tidak', 'belum', 'bukan', 'jangan', 'tanpa']);

export const STOPWORDS: ReadonlySet<string> = new Set(
  `
  ada adalah adanya adapun agak agaknya agar akan akankah akhirnya akulah amat amatlah anda andalah antar
  antara antaranya apa apaan apabila apakah apalagi apatah atau ataukah ataupun bagai bagaikan bagaimana
  bagaimanakah bagaimanapun bagi bahkan bahwa bahwasanya begini beginian beginikah beginilah begitu
  begitukah begitulah begitupun belumlah berapa berapakah berapalah berapapun bila bilakah bisa bisakah boleh
  bolehkah bolehlah bukankah bukanlah bukannya dahulu dalam dan dapat dari daripada demi demikian demikianlah
  dengan di dia dialah diantara diantaranya dikarenakan dini diri dirinya disini disinilah dong dulu dulunya
  entah entahlah hal hanya hanyalah hendak hendaklah hendaknya hingga ia ialah ibarat ini inikah inilah itu
  itukah itulah jika jikalau juga justru kah kala kalau kalaulah kalaupun kalian kami kamilah kamu kamulah
  kan kapan kapankah kapanpun karena karenanya ke kemudian kenapa kepada kepadanya ketika khususnya kini
  kinilah kiranya kita kitalah kok lah lain lainnya lalu maka makanya malah malahan mana manakala manalagi
  maupun melainkan melalui memang mengapa mereka merekalah merupakan meski meskipun mungkin mungkinkah nah
  namun nanti nantinya nya oleh olehnya pada padahal padanya para per pula pun rupanya saat saatnya saja
  sajalah sambil sana sangat sangatlah saya sayalah se sebab sebabnya sebagai sebagaimana sebagainya
  sebaliknya sebegini sebegitu sebenarnya sebetulnya sebuah sedang sedangkan sedemikian segala segalanya
  sehingga seolah seorang seperti sepertinya serta seraya sesuatu sesuatunya seterusnya sih sini sinilah
  suatu supaya tadi tadinya tapi telah tentang tentu tentulah tentunya terhadap terhadapnya tersebut
  tersebutlah tetapi toh walau walaupun yaitu yakni yang ya iya deh dong nih tuh loh lho kok yah wah waduh
  aduh oh eh hai halo
  `
    .split(/\s+/)
    .filter((word) => word !== ''),
);

/** True when the (lower-case) word carries no meaning for routing or search. */
export function isStopword(word: string, keepNegations = true): boolean {
  if (!keepNegations && NEGATIONS.has(word)) return true;
  return STOPWORDS.has(word);
}
