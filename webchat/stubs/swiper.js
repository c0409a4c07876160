/*
 * Stands in for swiper (100 KB), which Adaptive Cards loads only to draw a Carousel element. The
 * bot's cards have none (dialogs/checklistCard.ts: toggles and a submit button), and Web Chat
 * ships no swiper styles, so a carousel would not have worked anyway. One would fail to render.
 */
export default class Swiper {
  constructor() {
    throw new Error('Adaptive Card carousels are not in this Web Chat bundle');
  }
}

const unused = {};
export { unused as A11y, unused as Autoplay, unused as History, unused as Keyboard, unused as Navigation, unused as Pagination, unused as Scrollbar };
