/* progress-site: draws the charts (Vega, served with the site) and makes the projects
   table sortable and filterable. No request leaves the site. */
(function () {
  "use strict";

  /* land and border: the map's district and its outline (the outline at least 3:1 against the page);
     LIGHT is generator/rendering/vega.py's LIGHT, which charts for print use */
  var LIGHT = { text: "#1f2328", grid: "#d0d7de", land: "#eef1f4", border: "#57606a",
                range: ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#999999"] };
  var DARK = { text: "#e6edf3", grid: "#444c56", land: "#2d333b", border: "#9198a1",
               range: ["#56B4E9", "#E69F00", "#009E73", "#CC79A7", "#F0E442", "#D55E00", "#0072B2", "#BBBBBB"] };

  var FONT = "system-ui, -apple-system, 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif";

  /* High contrast (the reading aids): text and grid lines in black or white */
  var CONTRAST = { light: { text: "#000000", grid: "#595959", border: "#000000" },
                   dark: { text: "#ffffff", grid: "#a6a6a6", border: "#ffffff" } };

  function mode(name) { return document.documentElement.hasAttribute("data-ps-" + name); }

  function palette() {
    var scheme = document.body && document.body.getAttribute("data-md-color-scheme");
    var p = scheme === "slate" ? DARK : LIGHT;
    if (!mode("contrast")) { return p; }
    var c = CONTRAST[scheme === "slate" ? "dark" : "light"], out = {};
    Object.keys(p).forEach(function (k) { out[k] = c.hasOwnProperty(k) ? c[k] : p[k]; });
    return out;
  }

  /* Larger text makes the charts' words larger too: 18 px where the chart has room, 15 px on a phone, where
     long labels are cut short (their words are in the chart's table), labels that would overlap are left
     out, and a legend's entries stand one per line. */
  function theme(width) {
    var p = palette(), large = mode("large"), narrow = large && width > 0 && width < 600;
    var size = large ? (narrow ? 15 : 18) : 12;
    var axis = { labelColor: p.text, titleColor: p.text, gridColor: p.grid, domainColor: p.grid, tickColor: p.grid,
                 labelFontSize: size, titleFontSize: size };
    var legend = { labelColor: p.text, titleColor: p.text, labelFontSize: size, titleFontSize: size };
    if (narrow) {
      axis.labelOverlap = "greedy";
      axis.labelLimit = Math.round(width * 0.4);
      axis.titleLimit = Math.round(width * 0.55);
      legend.columns = 1;
      legend.labelLimit = Math.round(width * 0.8);
    }
    return {
      background: null,
      axis: axis,
      legend: legend,
      title: { color: p.text, fontSize: size + 2, anchor: "start" },
      range: { category: p.range },
      text: { font: FONT },
      style: { cell: { stroke: null }, "guide-label": { font: FONT }, "guide-title": { font: FONT },
               "group-title": { font: FONT }, "group-subtitle": { font: FONT } }
    };
  }

  /* Vega, next to this script, loaded by a page that has charts (pages without any never fetch it). */
  var VEGA_URL = document.currentScript ? new URL("vega.js", document.currentScript.src).href : null;
  var loadingVega = null;

  function loadVega() {
    if (window.vega) { return Promise.resolve(window.vega); }
    if (!loadingVega) {
      loadingVega = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = VEGA_URL;
        script.onload = function () { resolve(window.vega); };
        script.onerror = function () { loadingVega = null; reject(new Error("vega.js did not load")); };
        document.head.appendChild(script);
      });
    }
    return loadingVega;
  }

  /* Each chart's spec is Vega, compiled when the site was built; its colours that are not a category's are
     signals (psColour, and a map's psLand …) set here to the reader's scheme. */
  function draw(vega, el) {
    var source = document.getElementById(el.getAttribute("data-spec"));
    if (!source) { return; }
    var spec = JSON.parse(source.textContent);
    var p = palette();
    var colours = { psColour: p.range[0], psText: p.text, psGrid: p.grid, psLand: p.land, psBorder: p.border };
    (spec.signals || []).forEach(function (s) { if (colours.hasOwnProperty(s.name)) { s.value = colours[s.name]; } });
    /* Vega draws in the inner element; the outer one keeps the label we wrote (title and figures). */
    var view = el.querySelector(".ps-chart__view") || el;
    if (view._psView) { view._psView.finalize(); }  /* a redraw replaces the view and its listeners */
    view.textContent = "";  /* the chart's words, shown where scripts do not run */
    var drawing = new vega.View(vega.parse(spec, theme(view.clientWidth)), { renderer: "svg", container: view, hover: true });
    if (window.vegaTooltip) { drawing.tooltip(new window.vegaTooltip.Handler().call); }
    view._psView = drawing;
    return drawing.runAsync().then(function () {
      el.setAttribute("data-drawn", "yes");
      var svg = el.querySelector("svg");
      if (svg) {
        svg.setAttribute("aria-hidden", "true");  /* the container's label and the table speak for it */
        svg.setAttribute("focusable", "false");
      }
    });
  }

  function drawCharts() {
    var canvases = Array.prototype.slice.call(document.querySelectorAll(".ps-chart__canvas"));
    if (!canvases.length || !VEGA_URL) { return; }
    canvases.forEach(function (el) { el.setAttribute("data-drawn", "pending"); });
    function failed(el, error) {
      el.setAttribute("data-drawn", "error");
      if (window.console) { console.error("progress-site chart", error); }
    }
    loadVega().then(function (vega) {
      canvases.forEach(function (el) {
        try {
          var drawn = draw(vega, el);
          if (drawn) { drawn.catch(function (error) { failed(el, error); }); }
        } catch (error) { failed(el, error); }
      });
    }, function (error) { canvases.forEach(function (el) { failed(el, error); }); });
  }

  function number(text) {
    var m = text.replace(/,/g, "").match(/-?\d+(\.\d+)?/);
    return m ? parseFloat(m[0]) : NaN;
  }

  /* The table a marker stands above (the theme may have wrapped it in frames of its own). */
  function tableAfter(marker) {
    var node = marker.nextElementSibling;
    var table = null;
    while (node && !table) {
      table = node.tagName === "TABLE" ? node : node.querySelector("table");
      node = node.nextElementSibling;
    }
    return table;
  }

  function enhanceTable(marker) {
    var table = tableAfter(marker);
    if (!table || table.getAttribute("data-enhanced")) { return; }
    table.setAttribute("data-enhanced", "yes");  /* an attribute, not a class: the theme styles tables without one */
    if (marker.hasAttribute("data-ranked")) { table.setAttribute("data-ranked", "yes"); }  /* rank and name stay in view */
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);

    var input = null, count = null;  /* a text filter where the marker asks for one (the projects table) */
    if (marker.getAttribute("data-filter-label")) {
      var label = document.createElement("label");
      label.className = "ps-filter";
      label.textContent = marker.getAttribute("data-filter-label") + " ";
      input = document.createElement("input");
      input.type = "search";
      input.placeholder = marker.getAttribute("data-filter-hint");
      label.appendChild(input);
      count = document.createElement("span");
      count.className = "ps-filter__count";
      count.setAttribute("aria-live", "polite");
      label.appendChild(count);
      marker.appendChild(label);
    }

    var light = "";  /* the light chosen with the buttons; "" for all */
    var lightWords = (marker.getAttribute("data-light-words") || "").split("|").filter(Boolean);
    if (lightWords.length) {
      var group = document.createElement("fieldset");
      group.className = "ps-lights-filter";
      var legend = document.createElement("legend");
      legend.textContent = marker.getAttribute("data-light-label");
      group.appendChild(legend);
      [""].concat(lightWords).forEach(function (word) {
        var button = document.createElement("button");
        button.type = "button";
        button.textContent = word || marker.getAttribute("data-light-all");
        button.setAttribute("aria-pressed", word === "" ? "true" : "false");
        button.addEventListener("click", function () {
          light = word;
          Array.prototype.forEach.call(group.querySelectorAll("button"), function (b) {
            b.setAttribute("aria-pressed", b === button ? "true" : "false");
          });
          filter();
        });
        group.appendChild(button);
      });
      marker.appendChild(group);
    }

    var place = "", placeColumn = parseInt(marker.getAttribute("data-place-column"), 10);
    if (!isNaN(placeColumn)) {  /* a list of the areas the table names, in its order */
      var placeLabel = document.createElement("label");
      placeLabel.className = "ps-filter ps-filter--place";
      placeLabel.textContent = marker.getAttribute("data-place-label") + " ";
      var select = document.createElement("select");
      select.setAttribute("aria-label", marker.getAttribute("data-place-label"));  /* its name, not its options' */
      var names = (marker.getAttribute("data-places") || "").split("|").filter(Boolean);  /* in the data's order */
      /* else from the rows: a place within another is written 云州市/东山区, each area it lies in a choice too */
      if (!names.length) rows.forEach(function (row) {
        var parts = row.cells[placeColumn] ? row.cells[placeColumn].textContent.trim().split("/") : [];
        parts.forEach(function (part, i) {
          var name = parts.slice(0, i + 1).join("/");
          if (part && names.indexOf(name) === -1) { names.push(name); }
        });
      });
      [""].concat(names).forEach(function (name) {
        var option = document.createElement("option");
        option.value = name;
        option.textContent = name ? "\u2003".repeat(name.split("/").length - 1) + name.split("/").pop()
          : marker.getAttribute("data-place-all");
        select.appendChild(option);
      });
      select.addEventListener("change", function () { place = select.value; filter(); });
      var asked = new URLSearchParams(location.search).get("place");  /* an area's page links here with its name */
      if (asked && names.indexOf(asked) !== -1) { select.value = place = asked; }
      placeLabel.appendChild(select);
      marker.appendChild(placeLabel);
    }

    function filter() {
      var words = input ? input.value.trim().toLowerCase().split(/\s+/).filter(Boolean) : [];
      var shown = 0;
      rows.forEach(function (row) {
        var text = row.textContent.toLowerCase();
        var lamp = row.querySelector(".ps-light");
        var match = words.every(function (w) { return text.indexOf(w) !== -1; }) &&
          (!light || (lamp !== null && lamp.textContent.indexOf(light) !== -1)) &&
          (!place || row.cells[placeColumn].textContent.trim() === place ||
           row.cells[placeColumn].textContent.trim().indexOf(place + "/") === 0);
        row.hidden = !match;
        if (match) { shown += 1; }
      });
      if (count) { count.textContent = " " + shown + " / " + rows.length; }
    }
    if (input) { input.addEventListener("input", filter); }
    filter();

    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, index) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "ps-sort";
      button.title = marker.getAttribute("data-sort-hint");
      while (th.firstChild) { button.appendChild(th.firstChild); }
      th.appendChild(button);
      th.setAttribute("aria-sort", "none");
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(table.tHead.rows[0].cells, function (other) { other.setAttribute("aria-sort", "none"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var keyed = rows.map(function (row) {
          var text = row.cells[index] ? row.cells[index].textContent.trim() : "";
          return { row: row, text: text, num: number(text) };
        });
        /* A column of figures sorts by number even when some cells are 未公开, 待定 or —:
           those go last either way. */
        var withNumbers = keyed.filter(function (k) { return !isNaN(k.num); }).length;
        var numeric = withNumbers > 0 && withNumbers >= keyed.length / 2;
        keyed.sort(function (a, b) {
          if (numeric) {
            if (isNaN(a.num) || isNaN(b.num)) { return isNaN(a.num) - isNaN(b.num); }
            return ascending ? a.num - b.num : b.num - a.num;
          }
          var order = a.text.localeCompare(b.text, document.documentElement.lang || "zh");
          return ascending ? order : -order;
        });
        keyed.forEach(function (k) { body.appendChild(k.row); });
      });
    });
  }

  /* The theme's search dialog has no accessible name: give it the search field's own. */
  function nameSearchDialog() {
    var dialog = document.querySelector(".md-search[role=dialog]");
    var input = document.querySelector(".md-search__input");
    if (dialog && !dialog.getAttribute("aria-label") && input) {
      dialog.setAttribute("aria-label", input.getAttribute("aria-label") || input.getAttribute("placeholder") || "Search");
    }
  }

  /* With `search: pagefind`, Pagefind's box goes where the theme's would be; results link from the site's base. */
  function mountPagefind() {
    var script = document.querySelector('script[src$="pagefind/pagefind-ui.js"]');
    var header = document.querySelector(".md-header__inner");
    if (typeof PagefindUI !== "function" || !script || !header || header.querySelector(".ps-search")) { return; }
    var box = document.createElement("div");
    box.className = "ps-search";
    box.setAttribute("role", "search");
    header.insertBefore(box, header.querySelector(".md-header__source"));
    var base = new URL(script.getAttribute("src"), location.href).pathname.replace(/pagefind\/pagefind-ui\.js$/, "");
    new PagefindUI({ element: box, baseUrl: base, showImages: false, showSubResults: false, resetStyles: false });
    var input = box.querySelector("input");
    if (input && !input.getAttribute("aria-label")) {  /* a title alone is not a label */
      input.setAttribute("aria-label", input.getAttribute("placeholder") || input.getAttribute("title") || "Search");
    }
  }

  /* The reading aids' buttons (see generator/rendering/reading.py): each turns its mode on or off on <html>,
     remembers the choice for the next page (under the bar's data-store key), says so to screen readers, and
     redraws the charts. */
  function readingAids() {
    var bar = document.querySelector(".ps-reading");
    if (!bar || bar.getAttribute("data-ready")) { return; }
    bar.setAttribute("data-ready", "yes");
    var STORE = bar.getAttribute("data-store"), saved = {};
    try { saved = JSON.parse(localStorage.getItem(STORE) || "{}") || {}; } catch (e) { saved = {}; }
    var status = bar.querySelector(".ps-reading__status");
    Array.prototype.forEach.call(bar.querySelectorAll("button[data-ps-mode]"), function (button) {
      var name = button.getAttribute("data-ps-mode");
      button.setAttribute("aria-pressed", mode(name) ? "true" : "false");
      button.addEventListener("click", function () {
        var on = !mode(name);
        if (on) { document.documentElement.setAttribute("data-ps-" + name, ""); }
        else { document.documentElement.removeAttribute("data-ps-" + name); }
        button.setAttribute("aria-pressed", on ? "true" : "false");
        saved[name] = on;
        try { localStorage.setItem(STORE, JSON.stringify(saved)); } catch (e) { /* private browsing: this page only */ }
        status.textContent = bar.getAttribute(on ? "data-on" : "data-off").replace("{mode}", button.textContent);
        drawCharts();
        scrollHints();
      });
    });
  }

  /* A table wider than its frame says so above it (in words: a cut-off column is otherwise no sign that there is
     more), and stops saying so once it fits, as the window or the text size changes. */
  function scrollHints() {
    var bar = document.querySelector(".ps-reading");
    var words = bar && bar.getAttribute("data-scroll-hint");
    if (!words) { return; }
    Array.prototype.forEach.call(document.querySelectorAll(".md-typeset__scrollwrap"), function (wrap) {
      var hint = wrap.previousElementSibling;
      if (!hint || !hint.classList.contains("ps-scroll-hint")) {
        hint = document.createElement("p");
        hint.className = "ps-scroll-hint";
        hint.textContent = words;
        wrap.parentNode.insertBefore(hint, wrap);
      }
      hint.hidden = wrap.scrollWidth <= wrap.clientWidth + 1;
      if (hint.hidden) { wrap.removeAttribute("tabindex"); }
      else { wrap.setAttribute("tabindex", "0"); }  /* a frame that scrolls can be scrolled from the keyboard too */
    });
  }
  window.addEventListener("resize", scrollHints);

  /* A table marked to stack (重点关注): each cell labelled with its column's header, which the stylesheet shows
     before it when the rows stack on a phone. */
  function stackTable(marker) {
    var table = tableAfter(marker);
    if (!table || table.getAttribute("data-stacked")) { return; }
    var colon = marker.getAttribute("data-colon") || ": ";
    var heads = Array.prototype.map.call(table.tHead.rows[0].cells, function (th) { return th.textContent.trim(); });
    Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
      Array.prototype.forEach.call(row.cells, function (td, i) {
        if (heads[i]) { td.setAttribute("data-label", heads[i] + colon); }
      });
    });
    table.setAttribute("data-stacked", "yes");
  }

  function enhance() {
    readingAids();
    scrollHints();
    mountPagefind();
    nameSearchDialog();
    drawCharts();
    Array.prototype.forEach.call(document.querySelectorAll(".ps-sortable"), enhanceTable);
    Array.prototype.forEach.call(document.querySelectorAll(".ps-stacked"), stackTable);
    scrollHints();  /* again: a stacked table no longer scrolls */
  }

  var observer = new MutationObserver(function (changes) {
    if (changes.some(function (c) { return c.attributeName === "data-md-color-scheme"; })) { drawCharts(); }
  });

  function start() {
    observer.observe(document.body, { attributes: true, attributeFilter: ["data-md-color-scheme"] });
    if (window.document$ && typeof window.document$.subscribe === "function") {
      window.document$.subscribe(enhance);  /* Material's instant navigation */
    } else {
      enhance();
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
