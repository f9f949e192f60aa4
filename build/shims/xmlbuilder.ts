/**
 * xml2js loads xmlbuilder (over 60 kB in the background) for one use in Vigie: rss-parser writing back, as
 * a string, an entry whose content arrived as XML elements (Atom `type="xhtml"`, or a description holding
 * raw markup). That needs only the calls below, which xml2js's Builder makes; the result then goes through
 * the sanitizer like any other content. `tests/build/xmlbuilder-shim.test.ts` holds it to xmlbuilder's output.
 */
const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttribute = (text: string) => escapeText(text).replace(/"/g, '&quot;');

class XmlElement {
  private readonly children: (XmlElement | string)[] = [];
  private readonly attributes: string[] = [];

  constructor(
    private readonly name: string,
    private readonly parent?: XmlElement,
  ) {}

  ele(name: string, text?: unknown): XmlElement {
    const child = new XmlElement(name, this);
    this.children.push(child);
    if (text !== undefined && text !== null) child.txt(text);
    return child;
  }

  att(name: string, value: unknown): XmlElement {
    this.attributes.push(` ${name}="${escapeAttribute(String(value))}"`);
    return this;
  }

  txt(text: unknown): XmlElement {
    this.children.push(escapeText(String(text)));
    return this;
  }

  raw(text: unknown): XmlElement {
    this.children.push(String(text));
    return this;
  }

  up(): XmlElement {
    return this.parent ?? this;
  }

  end(): string {
    return this.parent ? this.parent.end() : this.toString();
  }

  toString(): string {
    const open = `<${this.name}${this.attributes.join('')}`;
    return this.children.length === 0 ? `${open}/>` : `${open}>${this.children.join('')}</${this.name}>`;
  }
}

export function create(name: string): XmlElement {
  return new XmlElement(name);
}

export default { create };
