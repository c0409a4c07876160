/*
 * Stands in for mime (37 KB of media types): Web Chat's core asks it only for the type of a file
 * the person uploads, and the page has no upload button (public/chat.js: hideUploadButton).
 */
const mime = {
  getType() {
    return null;
  },
  getExtension() {
    return null;
  },
};

export default mime;
