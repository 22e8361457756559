// passes the function on to its own child, as vant's calendar passes it to its month
Component({ properties: { value: String, formatter: { type: null } } });
