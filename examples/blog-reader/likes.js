// A reader's likes, in this browser's localStorage under the reader's user id.
//
// Why here: Atrium is an authentication server and keeps no app data, and the client API has no
// call that lets a browser write its own custom user data (App Services fills that from the app's
// database). A blog would keep likes in its own backend under the user id of the access token; this
// example has no backend, so the user id keys a localStorage entry instead. Either way the point
// is the same: a guest who links an e-mail keeps the same id, so its likes stay its own.

const key = (userId) => `blog-reader:likes:${userId}`;

/** The ids of the posts `userId` likes. */
export function likesOf(userId) {
  try {
    const stored = JSON.parse(localStorage.getItem(key(userId)) ?? "[]");
    return new Set(Array.isArray(stored) ? stored : []);
  } catch {
    return new Set(); // a corrupted entry is no reason to break the page
  }
}

/** Likes or unlikes a post for `userId`; returns the new set. */
export function setLiked(userId, postId, liked) {
  const likes = likesOf(userId);
  if (liked) likes.add(postId);
  else likes.delete(postId);
  localStorage.setItem(key(userId), JSON.stringify([...likes]));
  return likes;
}

/** Adds the likes of `fromId` to those of `toId` and forgets `fromId`'s. */
export function moveLikes(fromId, toId) {
  const merged = new Set([...likesOf(toId), ...likesOf(fromId)]);
  localStorage.setItem(key(toId), JSON.stringify([...merged]));
  forgetLikes(fromId);
}

/** Forgets the likes of a user that no longer exists. */
export function forgetLikes(userId) {
  localStorage.removeItem(key(userId));
}
