import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * The example header files for static hosts (issue 15) send index.html's policy as a header, so it
 * governs the workers too, and add frame-ancestors, which a meta tag cannot set. One policy: these
 * files must say what the meta tag says.
 */
const metaPolicy = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(readFileSync('index.html', 'utf8'))?.[1];

const HEADER_FILES: [string, RegExp][] = [
  ['public/_headers', /^\s*Content-Security-Policy: (.+)$/m],
  ['deploy/nginx.conf', /^add_header Content-Security-Policy "([^"]+)" always;$/m],
  ['deploy/apache.htaccess', /^\s*Header always set Content-Security-Policy "([^"]+)"$/m],
];

const directives = (policy: string) => new Map(policy.split(';').map((part) => {
  const [name = '', ...values] = part.trim().split(/\s+/);
  return [name, values.join(' ')] as const;
}));

describe('the Content-Security-Policy headers shipped for static hosts', () => {
  it('index.html has a policy that keeps every request on the origin', () => {
    expect(metaPolicy).toBeDefined();
    expect(directives(metaPolicy!).get('connect-src')).toBe("'self'");
  });

  it.each(HEADER_FILES)('%s sends the meta policy, plus frame-ancestors limited to the site itself', (file, pattern) => {
    const sent = pattern.exec(readFileSync(file, 'utf8'))?.[1];
    expect(sent, `no Content-Security-Policy header in ${file}`).toBeDefined();
    const header = directives(sent!);
    expect(header.get('frame-ancestors')).toBe("'self'");
    header.delete('frame-ancestors');
    expect(header).toEqual(directives(metaPolicy!));
    expect(header.get('worker-src')).toBe("'self' blob:");
  });
});
