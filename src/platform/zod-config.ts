// Imported first by every entry. zod compiles object parsers with `new Function` when it
// can; our CSP forbids eval, and even zod's caught probe makes the page report a
// `securitypolicyviolation`. jitless skips both the probe and the compiler.
import * as z from 'zod/mini';

z.config({ jitless: true });
