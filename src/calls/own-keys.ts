// Records keyed by wire strings: a uuid may be "toString" or "__proto__", which a plain
// `obj[key]` would read from, or write to, Object.prototype. Only own properties count here.

export function ownValue<T>(map: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(map, key) ? map[key] : undefined;
}

/** Defines an own data property even for "__proto__", whose plain assignment would set the prototype. */
export function setOwn<T>(map: Record<string, T>, key: string, value: T): void {
  // Plain assignment is much cheaper; it is only unsafe for names Object.prototype holds
  // ("__proto__" is a setter there, and a frozen prototype would refuse "toString").
  if (Object.hasOwn(Object.prototype, key)) Object.defineProperty(map, key, { value, writable: true, enumerable: true, configurable: true });
  else map[key] = value;
}
