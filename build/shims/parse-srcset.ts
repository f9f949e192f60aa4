/**
 * sanitize-html parses `srcset` only when a tag may keep it; Vigie allows it on no tag. Were it ever
 * reached, the throw makes sanitize-html drop the attribute (its answer to an unparseable srcset).
 */
export default function parseSrcset(): never {
  throw new Error('srcset is not kept by Vigie');
}
