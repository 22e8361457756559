// A date wheel built on picker-view: three columns, the days follow the month chosen.
const YEARS = [2023, 2024, 2025, 2026];

function daysIn(year, month) {
  return new Date(year, month, 0).getDate();
}

function numbers(from, to) {
  const out = [];
  for (let i = from; i <= to; i++) out.push(i);
  return out;
}

Page({
  data: {
    years: YEARS,
    months: numbers(1, 12),
    days: numbers(1, 31),
    value: [1, 1, 28],
    picking: false
  },
  onLoad() {
    this.show(this.data.value);
  },
  show(value) {
    const year = YEARS[value[0]];
    const month = value[1] + 1;
    const days = numbers(1, daysIn(year, month));
    const day = Math.min(value[2], days.length - 1) + 1;
    this.setData({ days, value: [value[0], value[1], day - 1], chosen: year + '年' + month + '月' + day + '日' });
  },
  onChange(e) {
    console.log('change ' + JSON.stringify(e.detail.value));
    this.show(e.detail.value);
  },
  onStart() {
    console.log('pickstart');
    this.setData({ picking: true });
  },
  onEnd() {
    console.log('pickend');
    this.setData({ picking: false });
  }
});
