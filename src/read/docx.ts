import JSZip from 'jszip';
import { InputError, type RawText } from '../models.js';
import { BodyWalker, noteFormats } from './docx-body.js';
import { Numbering, StyleSheet } from './docx-numbering.js';
import { XmlPartError, attr, child, kids, parseXml, slimWordXml, type Element } from './docx-xml.js';

/**
 * DOCX bytes → RawText, one paragraph per line.
 *
 * The text comes from our own walk of word/document.xml (docx-body.ts), because that walk is the
 * only place where Word's automatic list labels can be put back on the right paragraph (see the
 * comment there). mammoth is kept for what it is good at: being a second, independent reader. If
 * our walk meets a structure it cannot handle, the document is still read with
 * `mammoth.extractRawText`, with a warning that list labels and tables may be missing, rather than
 * refused.
 *
 * Page headers and footers (header1.xml, footer1.xml) and comments are not part of the text.
 */

const WORD_MAIN = /wordprocessingml\.(?:document|template)\.main\+xml|ms-word\.(?:document|template)\.macroEnabled/;
/**
 * The XML we parse is held in memory as DOMs (about 30 bytes of heap per byte of XML): a Word
 * file whose parts expand past this is refused, which also stops zip bombs. 64 MB of
 * WordprocessingML is several thousand pages.
 */
const MAX_EXPANDED = 64 * 1024 * 1024;

export async function readDocx(bytes: Buffer, path: string): Promise<RawText> {
  const zip = await openZip(bytes, path);
  const pkg = new Package(zip, path);
  const main = await pkg.mainPart();

  let lines: string[];
  const warnings: string[] = [];
  try {
    lines = await walk(pkg, main, warnings);
  } catch (e) {
    if (e instanceof InputError) throw e;
    if (e instanceof XmlPartError) throw new InputError(path, `damaged Word file: ${e.message}`);
    lines = await mammothFallback(bytes, path, e as Error, warnings);
  }
  const text = lines.join('\n').replace(/\n{3,}/g, '\n\n');
  if (!text.trim()) {
    throw new InputError(path, 'the Word document contains no text (if it holds pictures of pages, it needs OCR)');
  }
  return { text, format: 'docx', pages: null, paged: false, warnings };
}

async function walk(pkg: Package, main: string, warnings: string[]): Promise<string[]> {
  const doc = parseXml(slimWordXml(await pkg.text(main)), main).documentElement;
  if (doc?.localName !== 'document') {
    throw new InputError(pkg.path, `this ZIP package is not a Word document (its main part ${main} is not WordprocessingML)`);
  }
  const body = child(doc, 'body');
  if (!body) throw new InputError(pkg.path, `damaged Word file: ${main} has no document body`);
  const rels = await pkg.relationships(main);

  // A damaged side part costs its feature (labels, footnotes), not the whole text.
  const optional = async (type: string): Promise<Element | null> => {
    const target = rels.get(type);
    if (!target || !pkg.has(target)) return null;
    try {
      return parseXml(slimWordXml(await pkg.text(target)), target).documentElement;
    } catch (e) {
      if (!(e instanceof XmlPartError)) throw e;
      warnings.push(`damaged part ignored: ${e.message}`);
      return null;
    }
  };
  const numberingXml = rels.get('numbering');
  const stylesXml = rels.get('styles');
  let numbering: Numbering;
  try {
    const styles = StyleSheet.parse(stylesXml && pkg.has(stylesXml) ? await pkg.text(stylesXml) : null);
    numbering = Numbering.parse(numberingXml && pkg.has(numberingXml) ? await pkg.text(numberingXml) : null, styles);
  } catch (e) {
    if (!(e instanceof XmlPartError)) throw e;
    warnings.push(`damaged part ignored, list numbers are missing: ${e.message}`);
    numbering = new Numbering();
  }
  const settings = await optional('settings');
  const walker = new BodyWalker({
    numbering,
    notes: { footnotes: await optional('footnotes'), endnotes: await optional('endnotes') },
    noteFormats: noteFormats(settings, body),
  });
  const lines = walker.document(body);
  warnings.push(...walker.warnings);
  return lines;
}

async function mammothFallback(bytes: Buffer, path: string, cause: Error, warnings: string[]): Promise<string[]> {
  const mammoth = (await import('mammoth')).default;
  try {
    const res = await mammoth.extractRawText({ buffer: bytes });
    warnings.push(`Word list numbers, tables and footnotes could not be rebuilt (${cause.message}); text read without them`);
    return res.value.trim().split(/\n+/);
  } catch (e) {
    throw new InputError(path, `damaged Word file: ${plainCause((e as Error).message)}`);
  }
}

async function openZip(bytes: Buffer, path: string): Promise<JSZip> {
  try {
    // No checkCRC32: it would inflate every entry (images included) before the size guard in
    // Package.text can refuse a zip bomb; a corrupt part still fails as XML.
    return await JSZip.loadAsync(bytes);
  } catch (e) {
    throw new InputError(path, `damaged Word file: ${plainCause((e as Error).message)}`);
  }
}

/** jszip and inflate messages, in words a user can act on. */
function plainCause(msg: string): string {
  if (/end of central directory/i.test(msg)) return 'the file is cut short or is not a complete ZIP archive';
  if (/end of data reached|unexpected end|invalid (?:stored )?block|incorrect header|invalid distance|too many length/i.test(msg)) {
    return 'the file is cut short or its compressed data is corrupt';
  }
  if (/crc32/i.test(msg)) return 'a part fails its checksum';
  if (/encrypted zip/i.test(msg)) return 'the ZIP archive is password-protected';
  return msg.replace(/\s+/g, ' ').replace(/[.\s]+$/, '').replace(/^./, (c) => c.toLowerCase());
}

/** An OPC package: parts by name (case-insensitive, as OPC says), relationships, content types. */
class Package {
  private readonly names = new Map<string, string>();
  private expanded = 0;

  constructor(
    private readonly zip: JSZip,
    readonly path: string,
  ) {
    for (const name of Object.keys(zip.files)) this.names.set(name.toLowerCase(), name);
  }

  has(part: string): boolean {
    return this.names.has(part.replace(/^\/+/, '').toLowerCase());
  }

  async text(part: string): Promise<string> {
    const name = this.names.get(part.replace(/^\/+/, '').toLowerCase());
    const file = name ? this.zip.file(name) : null;
    if (!file) throw new InputError(this.path, `damaged Word file: part ${part} is missing`);
    // jszip keeps the declared size of every entry; refuse a zip bomb before inflating it.
    const declared = (file as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0;
    this.expanded += declared;
    if (this.expanded > MAX_EXPANDED) {
      throw new InputError(this.path, `the Word file expands to more than ${MAX_EXPANDED / 1024 / 1024} MB of XML, too large to read: split it first`);
    }
    let data: Uint8Array;
    try {
      data = await file.async('uint8array');
    } catch (e) {
      throw new InputError(this.path, `damaged Word file: ${plainCause((e as Error).message)} (in ${part})`);
    }
    // Word writes UTF-8; a UTF-16 part announces itself with a byte-order mark.
    if (data[0] === 0xff && data[1] === 0xfe) return new TextDecoder('utf-16le').decode(data);
    if (data[0] === 0xfe && data[1] === 0xff) return new TextDecoder('utf-16be').decode(data);
    return new TextDecoder('utf-8').decode(data);
  }

  /** Relationships of a part, keyed by the last segment of their type ("styles", "footnotes"). */
  async relationships(part: string): Promise<Map<string, string>> {
    const dir = part.includes('/') ? part.slice(0, part.lastIndexOf('/') + 1) : '';
    const relsName = `${dir}_rels/${part.slice(dir.length)}.rels`;
    const out = new Map<string, string>();
    if (this.has(relsName)) {
      let root: Element | null = null;
      try {
        root = parseXml(await this.text(relsName), relsName).documentElement;
      } catch (e) {
        if (!(e instanceof XmlPartError)) throw e;
      }
      for (const r of kids(root, 'Relationship')) {
        const type = attr(r, 'Type');
        const target = attr(r, 'Target');
        if (!type || !target || attr(r, 'TargetMode') === 'External') continue;
        const key = type.slice(type.lastIndexOf('/') + 1);
        if (!out.has(key)) out.set(key, resolveTarget(dir, target));
      }
    }
    // Packages written without relationships still use Word's default part names.
    for (const key of ['styles', 'numbering', 'footnotes', 'endnotes', 'settings']) {
      if (!out.has(key) && this.has(`${dir}${key}.xml`)) out.set(key, `${dir}${key}.xml`);
    }
    return out;
  }

  /** The main document part, or an InputError that says what the ZIP is instead. */
  async mainPart(): Promise<string> {
    let main: string | null = null;
    if (this.has('_rels/.rels')) {
      const rels = await this.relationships('');
      main = rels.get('officeDocument') ?? null;
    }
    if (!main && this.has('word/document.xml')) main = 'word/document.xml';
    if (main && this.has(main) && (await this.isWordPart(main))) return main;
    throw new InputError(this.path, await this.whatElse(main));
  }

  /**
   * Word's own content type, or a part named document.xml (some generators leave the content
   * type generic; the walk then checks that the root element is w:document).
   */
  private async isWordPart(part: string): Promise<boolean> {
    if (/(^|\/)document\.xml$/i.test(part)) return true;
    if (!this.has('[Content_Types].xml')) return false;
    let root: Element | null = null;
    try {
      root = parseXml(await this.text('[Content_Types].xml'), '[Content_Types].xml').documentElement;
    } catch (e) {
      if (!(e instanceof XmlPartError)) throw e;
      return false;
    }
    const name = '/' + part.toLowerCase();
    const override = kids(root, 'Override').find((o) => (attr(o, 'PartName') ?? '').toLowerCase() === name);
    return WORD_MAIN.test(attr(override ?? null, 'ContentType') ?? '');
  }

  private async whatElse(main: string | null): Promise<string> {
    if (main && /^xl\//i.test(main)) return 'this is an Excel workbook, not a Word document';
    if (main && /^ppt\//i.test(main)) return 'this is a PowerPoint presentation, not a Word document';
    if (this.has('mimetype')) {
      const mime = (await this.text('mimetype')).trim();
      if (/opendocument\.text/.test(mime)) return 'this is an OpenDocument text (.odt), not a Word document: save it as .docx first';
      if (/epub/.test(mime)) return 'this is an EPUB book, not a Word document';
      if (/opendocument/.test(mime)) return 'this is an OpenDocument file, not a Word document';
    }
    if (main && this.has(main)) return `this ZIP package is not a Word document (its main part ${main} is not WordprocessingML)`;
    return 'this is a ZIP archive, not a Word document (it has no word/document.xml)';
  }
}

function resolveTarget(dir: string, target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : dir + target).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}
