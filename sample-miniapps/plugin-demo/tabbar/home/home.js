// The three code samples of the 契约锁 plugin's integration guide (seed 003), as pasted into a page,
// each behind a button. The tickets would come from the open platform's token APIs.
Page({
  data: { last: '' },

  // 插件调用方法: the basic callbacks
  basic() {
    const page = 'doc';
    const ticket = 'TICKET-DOC-001';
    const env = 'cn';
    let eventChannel = null;
    wx.navigateTo({
        url: `plugin://qyssdk-plugin/${page}?ticket=${ticket}&env=${env}&hasCb=true`,
        events: {
            signSuccessCb: () => { // 签署成功回调
                console.log('signComplete');
                const url = '/pages/bbb/bbb'; // 需要跳转的小程序页面地址,必须是绝对路径,可不传
                eventChannel.emit('jumpTo', url); // 触发跳转逻辑,回调存在时必需调用,url不传默认返回
            },
            authSuccessCb() { // 认证成功回调
                console.log('authSuccess');
                eventChannel.emit('jumpTo');
            },
            authFailCb() { // 认证失败回调
                console.log('authFail');
                eventChannel.emit('jumpTo');
            },
        },
        success(res) {
            eventChannel = res.eventChannel;
        },
    });
  },

  // 1.0.23新增: the custom-jump chain
  chain() {
    const page1 = 'doc', ticket1 = 'TICKET-DOC-001', env1 = 'cn';
    const page2 = 'personal-auth', ticket2 = 'TICKET-AUTH-002', env2 = 'cn';
    const page3 = 'doc', ticket3 = 'TICKET-DOC-003', env3 = 'cn';
    let eventChannel = null;
    wx.navigateTo({
        url: `plugin://qyssdk-plugin/${page1}?ticket=${ticket1}&env=${env1}&hasCb=true`,
        events: {
            signSuccessCb: () => {
                eventChannel.emit('jumpTo', '/tabbar/home/home');
            },
            authSuccessCb: () => {
                eventChannel.emit('jumpTo', `plugin://qyssdk-plugin/${page2}?ticket=${ticket2}&env=${env2}&hasCb=true`, {
                    signSuccessCb: (openedEventChannel) => {
                        openedEventChannel.emit('jumpTo', `plugin://qyssdk-plugin/${page3}?ticket=${ticket3}&env=${env3}&hasCb=true`);
                    },
                    authSuccessCb: (openedEventChannel) => {
                        openedEventChannel.emit('jumpTo', '/tabbar/mine/mine');
                    },
                    authFailCb: (openedEventChannel) => {
                        openedEventChannel.emit('jumpTo', '/subpackages/mine/settings');
                    },
                });
            },
            authFailCb: () => {
                eventChannel.emit('jumpTo', '/subpackages/list/list');
            },
        },
        success(res) {
            eventChannel = res.eventChannel;
        },
    });
  },

  // 1.0.30新增: the plugin goes to the success or fail path by itself
  paths() {
    const page1 = 'doc', ticket1 = 'TICKET-DOC-001', env1 = 'cn';
    wx.navigateTo({
        url: `plugin://qyssdk-plugin/${page1}?ticket=${ticket1}&env=${env1}&hasCb=true`,
        success(res) {
            const eventChannel = res.eventChannel;
            // 不传、undefined、null则沿用旧逻辑，空字符串不做任何处理
            eventChannel.emit('sendNavigatePaths', {
                success: '/pages/success', // 成功时跳转的地址，不区分签署页面或者实名认证页面。可传tab页面
                fail: '/pages/fail',
            });
        },
    });
  },

  // without callbacks the plugin returns to this page by itself
  enterpriseAuth() {
    wx.navigateTo({ url: 'plugin://qyssdk-plugin/enterprise-auth?ticket=TICKET-ENT-004' });
  },

  // a wrong url is the platform's fail result, not a page
  broken() {
    wx.navigateTo({
      url: 'plugin://qyssdk-plugin/signature?ticket=TICKET-SIG-005',
      fail: (err) => this.setData({ last: err.errMsg }),
    });
  },

  chat() {
    wx.navigateTo({
      url: '/pages/chat/chat?topic=hello',
      events: {
        ready: (topic) => console.log('chat page ready for', topic),
        reply: (text) => this.setData({ last: text }),
      },
      success: (res) => {
        // emitted right after the chat page's onLoad, where it registered its listener
        res.eventChannel.emit('greeting', '你好');
        this.channel = res.eventChannel;
      },
    });
  },

  greetAgain() {
    this.channel.emit('greeting', 'again');
  },
});
