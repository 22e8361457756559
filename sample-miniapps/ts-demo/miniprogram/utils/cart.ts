// A typed shopping cart: an enum, a generic class, parameter properties, an abstract base class
export enum Fruit {
  Apple = 'apple',
  Pear = 'pear',
}

export interface Line<T> {
  item: T;
  count: number;
}

export const PRICES: Record<Fruit, number> = {
  [Fruit.Apple]: 350,
  [Fruit.Pear]: 420,
};

export function formatPrice(cents: number): string {
  return '¥' + (cents / 100).toFixed(2);
}

abstract class Store<T> {
  protected lines: Line<T>[] = [];

  constructor(public readonly name: string) {}

  abstract priceOf(item: T): number;

  add(item: T, count = 1): this {
    const line = this.lines.find((l) => l.item === item);
    if (line) {
      line.count += count;
    } else {
      this.lines.push({ item, count });
    }
    return this;
  }

  remove(item: T): void {
    const index = this.lines.findIndex((l) => l.item === item);
    if (index < 0) {
      throw new Error(`${String(item)} is not in the ${this.name}`);
    }
    this.lines.splice(index, 1);
  }

  get total(): number {
    return this.lines.reduce((sum, l) => sum + this.priceOf(l.item) * l.count, 0);
  }

  get count(): number {
    return this.lines.reduce((sum, l) => sum + l.count, 0);
  }
}

export class Cart extends Store<Fruit> {
  priceOf(item: Fruit): number {
    return PRICES[item];
  }
}
