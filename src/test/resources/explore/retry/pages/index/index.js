// asks again once after a refusal, and confirms before leaving: prompts that depend on earlier answers
Page({
  data: { outcome: 'idle' },
  onLoad() { this.ask(1); },
  ask(round) {
    my.getAuthCode({
      scopes: 'auth_user',
      success: () => this.setData({ outcome: 'granted in round ' + round }),
      fail: (e) => {
        if (round === 1) {
          my.confirm({
            content: 'Try again?',
            success: (r) => r.confirm ? this.ask(2) : this.setData({ outcome: 'gave up after ' + e.error }),
          });
        } else {
          this.setData({ outcome: 'refused twice, last ' + e.error });
        }
      },
    });
  },
});
