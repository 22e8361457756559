// app.ts: compiled before it runs, like every .ts file of the project
import { formatPrice } from './utils/cart';

App<IAppOption>({
  globalData: {},
  onLaunch() {
    this.globalData.openedAt = 'launch';
    console.log('ts-demo launched, a sample price is', formatPrice(1999));
  },
});
