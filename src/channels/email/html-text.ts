/**
 * HTML mail bodies to plain text for the case conversation. mailparser's own conversion hard-wraps lines at
 * 80 characters, which would put line breaks in the middle of a citizen's sentences; this one keeps
 * paragraphs as lines, turns lists into "- " items and blockquotes into "> " lines (so quoted replies can be
 * cut like plain-text quotes), and drops head, style and script content.
 */
const BLOCK = /^(?:p|div|section|article|header|footer|h[1-6]|table|tr|ul|ol|pre|address|center|form|hr)$/;

export function htmlToPlainText(html: string): string {
  const cleaned = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(head|style|script|title|xml)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/\r?\n/g, ' ');
  let out = '';
  let quoteDepth = 0;
  const newline = () => {
    out = out.replace(/[ \t]+$/, '');
    out += '\n' + '> '.repeat(quoteDepth);
  };
  for (const token of cleaned.split(/(<[^>]*>)/)) {
    const tag = token.match(/^<\s*(\/?)\s*([a-zA-Z0-9]+)/);
    if (!tag) {
      out += decodeEntities(token).replace(/[ \t\f]+/g, ' ');
      continue;
    }
    const closing = tag[1] === '/';
    const name = tag[2].toLowerCase();
    if (name === 'br') newline();
    else if (name === 'li' && !closing) {
      newline();
      out += '- ';
    } else if (name === 'td' && closing) out += ' ';
    else if (name === 'blockquote') {
      quoteDepth = Math.max(0, quoteDepth + (closing ? -1 : 1));
      newline();
    } else if (BLOCK.test(name)) {
      newline();
      if (/^(?:p|h[1-6]|table|ul|ol)$/.test(name) && closing) newline();
    }
  }
  return out
    .split('\n')
    .map((l) => l.replace(/^((?:> )*)\s+/, '$1').replace(/\s+$/, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const NAMED: Record<string, string> = {
  nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", ndash: '–', mdash: '—', hellip: '…',
  lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', laquo: '«', raquo: '»', bull: '•', middot: '·',
  copy: '©', reg: '®', deg: '°', euro: '€', times: '×', eacute: 'é', egrave: 'è', agrave: 'à', uuml: 'ü',
};

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const cp = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(cp) && cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : whole;
    }
    return NAMED[body.toLowerCase()] ?? whole;
  });
}
