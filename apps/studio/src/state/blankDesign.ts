/**
 * The empty design the app starts from when nothing is saved and no template is asked for: the
 * compiler's, the same one `unet-studio new` writes.
 */
export { blankDesign } from '@unet-studio/compiler';
