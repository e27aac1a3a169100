// A web-ext lint warning is accepted only where the library it is explained by put it.
import { describe, expect, it } from 'vitest';
import { isAccepted, type LintMessage } from '../../../tools/test/web-ext-lint-rules';

// Preact's renderer as the bundle carries it (minified, from dist/firefox).
const PREACT =
  'd==`children`?m=h:d==`dangerouslySetInnerHTML`?f=h:d==`value`?g=h:l&&typeof h!=`function`||v[d]===h||z(e,d,h,v[d],i);' +
  'if(f)l||p&&(f.__html==p.__html||f.__html==e.innerHTML)||(e.innerHTML=f.__html),t.__k=[];';
const OURS = 'function show(n,c){n.textContent=c.title;n.innerHTML=c.caller.name;return n}';
const files: Record<string, string> = { 'assets/vendor-Ab12.js': `var a=1;\n${PREACT}`, 'assets/popup-Cd34.js': OURS };
const source = (file: string) => files[file] ?? null;

const warning = (file: string, text: string, code = 'UNSAFE_VAR_ASSIGNMENT'): LintMessage => {
  const lines = files[file]!.split('\n');
  const line = lines.findIndex((l) => l.includes(text));
  return { code, message: 'Unsafe assignment to innerHTML', file, line: line + 1, column: lines[line]!.indexOf(text) + 1 };
};

describe('web-ext lint warnings', () => {
  it("accepts the innerHTML assignment inside Preact's renderer", () => {
    expect(isAccepted(warning('assets/vendor-Ab12.js', 'e.innerHTML=f.__html'), source)).toBe(true);
  });

  it('refuses the same warning code in our own code', () => {
    expect(isAccepted(warning('assets/popup-Cd34.js', 'n.innerHTML=c.caller.name'), source)).toBe(false);
  });

  it('refuses an unknown code, even at an accepted place', () => {
    expect(isAccepted(warning('assets/vendor-Ab12.js', 'e.innerHTML=f.__html', 'DANGEROUS_EVAL'), source)).toBe(false);
  });

  it('refuses a warning without a place, or in a file that is not there', () => {
    expect(isAccepted({ code: 'UNSAFE_VAR_ASSIGNMENT', message: 'x' }, source)).toBe(false);
    expect(isAccepted({ code: 'UNSAFE_VAR_ASSIGNMENT', message: 'x', file: 'assets/gone.js', line: 1, column: 1 }, source)).toBe(false);
  });
});
