/**
 * Makes a lightweight stand-in class behave as a WHATWG class (`Request`, `Response`) it only imitates: its
 * prototype chain gets `real.prototype` (so `instanceof` holds), and every member of `real.prototype` the stand-in
 * does not define itself (getters such as `signal` or `body`, methods such as `text()` or `clone()`) is answered by
 * the real object `realOf(standIn)` returns, built on first need. The stand-in defines the members its hot readers
 * use; everything else costs the real object once, so a stand-in is never wrong, only sometimes not cheaper.
 */
export function delegateToReal<T extends object>(standIn: abstract new (...args: never[]) => object, real: abstract new (...args: never[]) => T, realOf: (standIn: object) => T): void {
  const proto = standIn.prototype as object;
  const realProto = real.prototype as object;
  Object.setPrototypeOf(proto, realProto);
  for (const key of Reflect.ownKeys(realProto)) {
    if (key === 'constructor' || Object.hasOwn(proto, key)) continue;
    const descriptor = Object.getOwnPropertyDescriptor(realProto, key) as PropertyDescriptor;
    if (descriptor.get) {
      const get = descriptor.get;
      Object.defineProperty(proto, key, { configurable: true, enumerable: descriptor.enumerable ?? false, get(this: object) { return get.call(realOf(this)); } });
    } else if (typeof descriptor.value === 'function') {
      const method = descriptor.value as (...args: unknown[]) => unknown;
      Object.defineProperty(proto, key, { configurable: true, writable: true, enumerable: descriptor.enumerable ?? false, value(this: object, ...args: unknown[]) { return method.apply(realOf(this), args); } });
    }
  }
}
