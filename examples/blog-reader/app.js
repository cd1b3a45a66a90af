// The blog reader page: posts with a like button, and a panel saying who is reading.
import { config } from "./config.js";
import { posts } from "./posts.js";
import { forgetLikes, likesOf, moveLikes, setLiked } from "./likes.js";
import { passkeysSupported } from "./passkey.js";
import { describe, Reader } from "./reader.js";

const $ = (selector) => document.querySelector(selector);
const panel = $("#reader");

/** config.js, overridden by `?baseUrl=…&appId=…` in the page's URL. */
function settings() {
  const query = new URLSearchParams(location.search);
  return {
    baseUrl: (query.get("baseUrl") || config.baseUrl).replace(/\/+$/, ""),
    appId: query.get("appId") || config.appId,
  };
}

function say(text, tone = "info") {
  const status = $("#status");
  status.textContent = text;
  status.dataset.tone = tone;
}

/** Every call to Atrium goes through here: the panel is busy meanwhile, a failure is shown. */
async function act(work) {
  panel.setAttribute("aria-busy", "true");
  for (const control of panel.querySelectorAll("button, input")) control.disabled = true;
  try {
    await work();
  } catch (error) {
    say(explain(error), "error");
  } finally {
    panel.removeAttribute("aria-busy");
    for (const control of panel.querySelectorAll("button, input")) control.disabled = false;
  }
}

/** A failure as a reader can act on it. */
function explain(error) {
  if (error instanceof TypeError) {
    // What fetch reports when the server cannot be reached or refuses this page's origin (CORS).
    return `Could not reach Atrium at ${settings().baseUrl}: ${error.message}. Is the server running, ` +
      `and does the app allow this page's origin (${location.origin}) in allowed_origins?`;
  }
  if (error?.name === "NotAllowedError") return "No passkey was used (the prompt was closed or timed out): nothing changed.";
  const code = error.errorCode ?? error.error_code;
  if (code === "AccountNameInUse") return "That e-mail already has an account: sign in instead.";
  if (code === "InvalidPassword") return "Wrong e-mail or password.";
  return error.error ?? error.message ?? String(error);
}

function renderPosts() {
  const list = $("#posts");
  const template = $("#post-template");
  for (const post of posts) {
    const article = template.content.firstElementChild.cloneNode(true);
    article.dataset.postId = post.id;
    article.querySelector("h2").textContent = post.title;
    article.querySelector(".meta").textContent = `${post.author} · ${post.date} · ${post.minutes} min read`;
    article.querySelector(".excerpt").textContent = post.excerpt;
    article.querySelector(".like").addEventListener("click", () => toggleLike(post.id));
    list.append(article);
  }
}

function toggleLike(postId) {
  const user = reader?.user;
  if (!user) return;
  setLiked(user.id, postId, !likesOf(user.id).has(postId));
  renderLikes(user.id);
}

function renderLikes(userId) {
  const likes = userId ? likesOf(userId) : new Set();
  for (const article of document.querySelectorAll("article[data-post-id]")) {
    const liked = likes.has(article.dataset.postId);
    const button = article.querySelector(".like");
    button.setAttribute("aria-pressed", String(liked));
    button.querySelector(".label").textContent = liked ? "Liked" : "Like";
    button.disabled = !userId;
  }
  $("#like-count").textContent = String(likes.size);
}

/** The panel for the current user. */
function renderUser() {
  const user = reader.user;
  const who = describe(user);
  panel.dataset.state = who.anonymous ? "guest" : "linked";
  $("#user-id").textContent = who.id;
  $("#user-state").textContent = who.anonymous ? "Guest (anonymous)"
    : `Member: ${who.email ?? (who.providers.includes("passkey") ? "passkey" : "linked")}`;
  $("#identities").textContent = who.providers.join(", ");
  $("#keep-likes").hidden = !who.anonymous;
  $("#passkey-actions").hidden = !passkeysSupported();
  $("#logout").hidden = false;
  renderLikes(who.id);
}

let reader = null;

async function start() {
  const { baseUrl, appId } = settings();
  $("#server").textContent = baseUrl;
  if (!appId) {
    panel.dataset.state = "error";
    say("No app id: set appId in config.js, or add ?appId=… to this page's URL.", "error");
    return;
  }
  reader = new Reader({ baseUrl, appId });
  await act(async () => {
    const { user, restored } = await reader.start();
    renderUser();
    say(restored ? "Welcome back: your session was restored and your profile refreshed."
      : `Welcome! You are reading as a new guest, ${user.id}.`);
  });
  if (!reader.user) panel.dataset.state = "error";
}

$("#link-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const form = event.currentTarget;
  act(async () => {
    await reader.register(form.email.value, form.password.value);
    form.reset();
    renderUser();
    say("Your account is ready: same user id, and your likes are kept.", "success");
  });
});

$("#signin-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const form = event.currentTarget;
  act(async () => {
    const { user, previous } = await reader.signIn(form.email.value, form.password.value);
    const carried = previous && previous.id !== user.id ? likesOf(previous.id).size : 0;
    if (carried > 0) moveLikes(previous.id, user.id);
    form.reset();
    renderUser();
    say(carried > 0 ? "Signed in: the posts you liked on this visit were added to your account."
      : "Signed in: welcome back.", "success");
  });
});

$("#passkey-keep").addEventListener("click", () => {
  act(async () => {
    await reader.keepWithPasskey();
    renderUser();
    say("Your likes are kept with a passkey: same user id. Sign in with it on your next visit.", "success");
  });
});

$("#passkey-signin").addEventListener("click", () => {
  act(async () => {
    const { user, previous } = await reader.signInWithPasskey();
    const carried = previous && previous.id !== user.id ? likesOf(previous.id).size : 0;
    if (carried > 0) moveLikes(previous.id, user.id);
    renderUser();
    say(carried > 0 ? "Signed in with your passkey: the posts you liked on this visit were added."
      : "Signed in with your passkey: welcome back.", "success");
  });
});

$("#logout").addEventListener("click", () => {
  act(async () => {
    const wasGuest = describe(reader.user).anonymous;
    const { previous } = await reader.logOut();
    // Atrium deleted the guest: nobody will ever read its likes again.
    if (wasGuest) forgetLikes(previous.id);
    renderUser();
    say(wasGuest ? "Logged out: that guest is gone, and you are a new guest."
      : "Logged out: sign in again to get your likes back. Meanwhile you are a new guest.");
  });
});

renderPosts();
renderLikes(null);
start();
