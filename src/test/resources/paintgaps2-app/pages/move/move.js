Page({
  data: { x: 30, y: 20, cards: ['A', 'B', 'C', 'D', 'E'] },
  onMove(e) { console.log('moved ' + e.detail.x + ',' + e.detail.y + ' ' + e.detail.source); },
  onCards(e) { console.log('cards ' + e.detail.current); },
  reset() { this.setData({ x: 0, y: 0 }); }
});
