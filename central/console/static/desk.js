// The desk's only script: chapters jump the clip, photos zoom and compare, long forms say
// they are busy. Everything works without it except these conveniences.
"use strict";

document.querySelectorAll("ol.chapters").forEach((list) => {
  const video = document.getElementById(list.dataset.video);
  if (!video) return;
  const buttons = Array.from(list.querySelectorAll("button.chapter"));
  buttons.forEach((button) => {
    button.addEventListener("click", () => {
      video.currentTime = Number(button.dataset.ms) / 1000;
      video.play().catch(() => {});
    });
  });
  video.addEventListener("timeupdate", () => {
    const ms = video.currentTime * 1000;
    let current = null;
    buttons.forEach((b) => { if (Number(b.dataset.ms) <= ms) current = b; });
    buttons.forEach((b) => b.classList.toggle("current", b === current));
  });
});

const viewer = document.getElementById("viewer");
function show(sources) {
  const panes = viewer.querySelector(".panes");
  panes.replaceChildren();
  sources.forEach((src) => {
    const pane = document.createElement("div");
    pane.className = "pane";
    const img = document.createElement("img");
    img.src = src;
    let scale = 1;
    pane.addEventListener("click", (e) => {
      scale = scale >= 4 ? 1 : scale * 2;
      const box = pane.getBoundingClientRect();
      img.style.transformOrigin = `${e.clientX - box.left}px ${e.clientY - box.top}px`;
      img.style.transform = `scale(${scale})`;
    });
    pane.append(img);
    panes.append(pane);
  });
  viewer.hidden = false;
}
if (viewer) {
  viewer.querySelector(".close").addEventListener("click", () => { viewer.hidden = true; });
  document.addEventListener("keydown", (e) => { if (e.key === "Escape") viewer.hidden = true; });
  document.querySelectorAll("img.zoomable").forEach((img) => {
    img.addEventListener("click", () => show([img.src]));
  });
  const compare = document.getElementById("compare");
  const picks = Array.from(document.querySelectorAll("input.pick"));
  picks.forEach((p) => p.addEventListener("change", () => {
    compare.disabled = picks.filter((x) => x.checked).length < 2;
  }));
  compare.addEventListener("click", () => {
    show(picks.filter((x) => x.checked).slice(0, 4).map((x) => `/desk/media/${x.value}`));
  });
}

document.querySelectorAll("button[data-busy]").forEach((button) => {
  button.form.addEventListener("submit", () => {
    button.disabled = true;
    button.textContent = button.dataset.busy;
  });
});
