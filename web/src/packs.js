// The query packs in the sidebar: title and name, and a form of their parameters.
import { el, clear } from "./dom.js";

export function drawPacks(list, packs, { onRun, onShow }) {
  clear(list);
  for (const pack of packs) {
    const form = el("form", { class: "pack-form", hidden: true, "data-pack": pack.name });
    for (const param of pack.params) {
      const id = `pack-${pack.name}-${param.name}`;
      form.append(el("label", { for: id }, `${param.name} (${param.type})`),
        el("input", { id, name: param.name, value: param.default ?? "", autocomplete: "off" }));
    }
    form.append(el("button", { type: "submit" }, "Run pack"),
      el("button", { type: "button", class: "link", onclick: () => onShow(pack) }, "open in the editor"));
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const params = {};
      for (const input of form.querySelectorAll("input")) params[input.name] = input.value;
      onRun(pack.name, params);
    });
    const toggle = el("button", { class: "pack-title", "data-pack": pack.name, title: pack.title,
      onclick: () => { form.hidden = !form.hidden; } }, el("strong", {}, pack.name), el("span", {}, pack.title));
    list.append(el("li", {}, toggle, form));
  }
}
