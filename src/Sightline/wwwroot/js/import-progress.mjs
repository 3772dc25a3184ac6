// Progressive enhancement of an import's progress page: asks for the job's status each second and shows it,
// then opens the import's report when it has finished. Without scripts the page's "Check again" link does the same.
const box = document.getElementById('import-progress')
const stage = document.getElementById('import-stage')

async function check () {
  try {
    const response = await fetch(box.dataset.status, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    if (response.ok) {
      const status = await response.json()
      if (status.finished) {
        window.location.assign(box.dataset.page)
        return
      }
      stage.textContent = `${status.stage}: ${status.percent}% (${status.done.toLocaleString('en-GB')} of ${status.total.toLocaleString('en-GB')})`
    }
  } catch {
    // A dropped request is tried again at the next tick.
  }
  window.setTimeout(check, 1000)
}

if (box) {
  window.setTimeout(check, 1000)
}
