// Progressive enhancement only: every page works without this file. It marks the page as able to run
// GOV.UK Frontend's components (what the design system's template does with an inline script, which the
// content security policy forbids) and starts them: the service navigation's menu button on narrow screens,
// the skip link's focus.
import { initAll } from '/vendor/govuk-frontend/govuk-frontend.min.js'

document.body.classList.add('js-enabled', 'govuk-frontend-supported')
initAll()
