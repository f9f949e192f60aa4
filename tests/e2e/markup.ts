import { HtmlValidate } from 'html-validate';
import type { TestPage } from './page';

/**
 * RGAA 8.2 (« le code source généré est-il valide ? »): the page as rendered at this moment (the DOM the
 * member's browser holds, not the near-empty HTML file), checked against the HTML standard by html-validate's
 * "standard" rules: nesting, duplicate ids, attribute values, required attributes. Returns readable lines.
 */
const validator = new HtmlValidate({ extends: ['html-validate:standard'] });

export async function invalidMarkup(page: TestPage): Promise<string[]> {
  const html = await page.evaluate(() => `<!doctype html>\n${document.documentElement.outerHTML}`);
  const report = await validator.validateString(html);
  return report.results.flatMap((result) => result.messages.map((message) => `${message.ruleId}: ${message.message} — ${message.selector ?? `line ${message.line}`}`));
}
