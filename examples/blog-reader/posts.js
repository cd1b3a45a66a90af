// The blog's posts. A real blog would load them from its own API; they are static here because the
// example is about who the reader is, not about where posts come from.
export const posts = [
  {
    id: "guests-first",
    title: "Guests first: a real account before the sign-up form",
    author: "Ada",
    date: "2026-03-02",
    minutes: 4,
    excerpt: "Every visitor gets a user id the moment they arrive. No form, no e-mail, no password: " +
      "just an account that can already own things, like the posts you like on this page.",
  },
  {
    id: "linking-keeps-your-id",
    title: "Linking an e-mail keeps your id",
    author: "Grace",
    date: "2026-03-09",
    minutes: 3,
    excerpt: "When a guest decides to stay, they link an e-mail and password to the account they already " +
      "have. The id does not change, so everything keyed by it stays theirs.",
  },
  {
    id: "tokens-that-expire",
    title: "Why access tokens expire after thirty minutes",
    author: "Edsger",
    date: "2026-03-16",
    minutes: 5,
    excerpt: "A short-lived access token and a long-lived refresh token: the SDK swaps one for the other " +
      "behind your back, and a stolen access token is worth half an hour at most.",
  },
  {
    id: "sweeping-abandoned-guests",
    title: "Sweeping up abandoned guests",
    author: "Barbara",
    date: "2026-03-23",
    minutes: 6,
    excerpt: "Most guests never come back. After ninety quiet days the sweeper deletes them, and a " +
      "webhook tells your app so it can clean up what they left behind.",
  },
];
