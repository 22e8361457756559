// the fixture's own cascade: a kind of fruit, then its sorts (columnchange changes the second column)
const SORTS = [['Fuji', 'Gala', 'Honeycrisp'], ['Cavendish', 'Plantain'], ['Navel', 'Blood', 'Valencia', 'Seville']];
Page({
  data: {
    multi: [['Apple', 'Banana', 'Orange'], SORTS[0]],
    multiIndex: [0, 0],
    time: '09:30',
    date: '2024-02-10',
    region: ['广东省', '广州市', '海珠区'],
    colours: ['Red', 'Green', 'Blue'],
    ci: 0
  },
  onColour(e) { console.log('colour ' + e.detail.value + ' ' + typeof e.detail.value); this.setData({ ci: e.detail.value }); },
  onColumn(e) {
    console.log('column ' + e.detail.column + ' ' + e.detail.value);
    if (e.detail.column === 0) {
      this.setData({ 'multi[1]': SORTS[e.detail.value], multiIndex: [e.detail.value, 0] });
    }
  },
  onMulti(e) {
    console.log('multi ' + e.detail.value.join(','));
    this.setData({ multiIndex: e.detail.value });
  },
  onTime(e) { console.log('time ' + e.detail.value); this.setData({ time: e.detail.value }); },
  onDate(e) { console.log('date ' + e.detail.value); this.setData({ date: e.detail.value }); },
  onRegion(e) { console.log('region ' + e.detail.value.join(' ')); this.setData({ region: e.detail.value }); },
  onCancel() { console.log('picker cancelled'); },
  toMove() { wx.navigateTo({ url: '/pages/move/move' }); }
});
