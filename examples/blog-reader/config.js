// Where the blog reader finds Atrium. Edit these two values, or override them in the page's URL:
//   http://127.0.0.1:8080/?baseUrl=http://127.0.0.1:9090&appId=default-k3x9q
// `appId` is the one `./atrium serve` printed on its first start (`./atrium apps list` shows it).
export const config = {
  baseUrl: "http://127.0.0.1:9090",
  appId: "",
};
