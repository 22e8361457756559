// The merchant server of the seed's diagram: consult (step 2) and apply-token (after the JSAPI)
export const SERVER = 'https://merchant.example/api/agreement';
