/**
 * IPTC's digital source type for content a trained model made (NewsCodes `digitalsourcetype`):
 * the label for a summary Brief's model wrote.
 */
export const TRAINED_ALGORITHMIC_MEDIA =
  'http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia';
export const TRAINED_ALGORITHMIC_MEDIA_NAME = 'Trained algorithmic media';
