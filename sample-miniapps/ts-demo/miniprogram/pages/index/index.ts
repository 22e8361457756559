import { Cart, Fruit, formatPrice } from '../../utils/cart';
import type { Line } from '../../utils/cart';

interface IndexData {
  count: number;
  total: string;
}

const cart = new Cart('cart');

Page({
  data: { count: 0, total: formatPrice(0) } as IndexData,

  onLoad() {
    const app = getApp<IAppOption>();
    console.log('index loaded after', app.globalData?.openedAt ?? 'nothing');
  },

  addApple() {
    cart.add(Fruit.Apple);
    this.setData({ count: cart.count, total: formatPrice(cart.total) });
  },

  removePear() {
    try {
      cart.remove(Fruit.Pear);
    } catch (e) {
      // the stack names the .ts file and line where the error was thrown
      const frame = (e as Error).stack?.split('\n').find((l: string) => l.includes('cart.ts'));
      console.warn((e as Error).message, 'at', frame?.replace(/^.*\((.*):\d+\)$/, '$1'));
    }
  },
});

export type { Line };
