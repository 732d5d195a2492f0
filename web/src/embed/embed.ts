import { PracticeLookup } from './practice-lookup';

// Defined once, even if a portal includes the script twice.
if (!customElements.get('zhili-practice-lookup'))
  customElements.define('zhili-practice-lookup', PracticeLookup);
