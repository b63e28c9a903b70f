import sanitizeHtml, { IOptions, Transformer } from 'sanitize-html';

const headings = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];
const textBlocks = ['p', 'div', 'span', 'br', 'hr', 'blockquote', 'pre', 'code', 'address', 'center'];
const inlineFormatting = [
  'b',
  'strong',
  'i',
  'em',
  'u',
  's',
  'strike',
  'del',
  'ins',
  'mark',
  'small',
  'sub',
  'sup',
  'font',
  'abbr',
  'cite',
  'q',
];
const lists = ['ul', 'ol', 'li', 'dl', 'dt', 'dd'];
const tables = ['table', 'caption', 'colgroup', 'col', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td'];

const cellAttributes = ['colspan', 'rowspan', 'align', 'valign', 'width', 'height'];

/** Style values that only format: no `url(…)`, `expression(…)` or anything else that could load or run. */
const color = /^(?:#[0-9a-f]{3,8}|[a-z]{3,20}|rgba?\(\s*[\d.]+%?\s*(?:,\s*[\d.]+%?\s*){2,3}\))$/i;
const allowedStyles = {
  color: [color],
  'background-color': [color],
  'text-align': [/^(?:left|right|center|justify|start|end)$/i],
  'font-weight': [/^(?:normal|bold|bolder|lighter|[1-9]00)$/i],
  'font-style': [/^(?:normal|italic|oblique)$/i],
  'text-decoration': [/^(?:none|underline|line-through|overline)$/i],
};

/** Only images carried in the mail (`cid:`) are shown; a remote one would tell the sender the mail was read. */
const inlineImagesOnly: Transformer = (tagName, attribs) =>
  /^cid:/i.test((attribs.src ?? '').trim()) ? { tagName, attribs } : { tagName: 'span', attribs: {}, text: attribs.alt ?? '' };

const options: IOptions = {
  allowedTags: [...headings, ...textBlocks, ...inlineFormatting, ...lists, ...tables, 'a', 'img'],
  // Their text is code, styling or form data, not something the sender wrote for a person to read.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'title', 'head', 'template', 'svg', 'math', 'xml'],
  allowedAttributes: {
    a: ['href', 'title', 'rel', 'target'],
    img: ['src', 'alt', 'title', 'width', 'height'],
    font: ['color', 'face', 'size'],
    table: ['border', 'cellpadding', 'cellspacing', 'width', 'align'],
    td: cellAttributes,
    th: cellAttributes,
    col: ['span', 'width'],
    colgroup: ['span', 'width'],
    ol: ['start', 'type'],
    '*': ['dir', 'lang', 'style'],
  },
  allowedStyles: { '*': allowedStyles },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['cid'] },
  allowProtocolRelative: false,
  transformTags: {
    a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer nofollow', target: '_blank' }),
    img: inlineImagesOnly,
  },
};

/**
 * HTML a support agent's browser may show: formatting and inline (cid:) images stay; scripts, event
 * handlers, forms, frames, style sheets, styles that could load content, remote images (their alt
 * text stays) and links with other schemes than http, https and mailto go.
 */
export function sanitizeMailHtml(html: string): string {
  return sanitizeHtml(html, options);
}
