// Shown only while its owner still has its default data.
Component({
  lifetimes: {
    created() { console.log('ghost created'); },
    attached() { console.log('ghost attached'); },
    detached() { console.log('ghost detached'); },
  },
});
