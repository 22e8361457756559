// A formatter kept in data and handed to a component, as vant's calendar and datetime picker take it
Page({
  data: {
    formatter(v) { return 'day ' + v; },
    opts: { format(v) { return '#' + v; } },
  },
  swap() {
    this.setData({ formatter(v) { return 'swapped ' + v; } });
  },
});
