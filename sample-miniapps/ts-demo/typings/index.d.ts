// The app's global types, as the WeChat TypeScript template keeps them (never loaded at run time)
interface IAppOption {
  globalData: {
    openedAt?: string;
  };
}
