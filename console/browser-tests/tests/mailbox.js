// The local stack's mail (GreenMail writes each message as $GATEHOUSE_HOME/mail/<time>-<address>.eml), read as the
// person it was sent to would: the link in the newest message to them (one that is not `other`, when a newer
// message is awaited).
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { HOME } from './support.js';

function decodeQuotedPrintable(text) {
  return text.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex) => String.fromCharCode(parseInt(hex, 16)));
}

export async function awaitLink(address, timeoutMs = 20_000, other = undefined) {
  const dir = join(HOME, 'mail');
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (existsSync(dir)) {
      const files = readdirSync(dir).filter((f) => f.endsWith(`-${address}.eml`)).sort();
      if (files.length > 0) {
        const body = decodeQuotedPrintable(readFileSync(join(dir, files[files.length - 1]), 'utf8'));
        const link = body.match(/https?:\/\/[^\s"<>]+/);
        const found = link && link[0].replace(/&amp;/g, '&');
        if (found && found !== other) return found;
      }
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no e-mail for ${address} after ${timeoutMs} ms`);
}
