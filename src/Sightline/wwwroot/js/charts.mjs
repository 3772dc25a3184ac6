// Draws the dashboard's charts from the data tables beside them: every element with data-chart-for names the
// table whose rows hold the figures (the row header is the label, data-value the number). The table is the
// record; the chart only pictures it, so it is hidden from screen readers and the page reads the same without it.
/* global Chart */
const brand = getComputedStyle(document.documentElement).getPropertyValue('--govuk-brand-colour').trim() || '#0b5563'

for (const holder of document.querySelectorAll('[data-chart-for]')) {
  const table = document.getElementById(holder.dataset.chartFor)
  if (!table || typeof Chart === 'undefined') continue
  const rows = [...table.tBodies[0].rows]
  const line = holder.dataset.chartType === 'line'
  const canvas = document.createElement('canvas')
  canvas.setAttribute('aria-hidden', 'true')
  canvas.className = 'sightline-chart__canvas'
  canvas.width = 480
  canvas.height = Math.max(240, rows.length * (line ? 0 : 22))
  holder.append(canvas)
  new Chart(canvas, {
    type: line ? 'line' : 'bar',
    data: {
      labels: rows.map(row => row.cells[0].textContent.trim()),
      datasets: [{
        label: table.tHead.rows[0].cells[1].textContent.trim(),
        data: rows.map(row => row.dataset.value === '' ? null : Number(row.dataset.value)),
        borderColor: brand,
        backgroundColor: brand
      }]
    },
    options: {
      indexAxis: line ? 'x' : 'y',
      animation: false,
      responsive: false,
      plugins: { legend: { display: false } },
      scales: { x: { beginAtZero: !line }, y: { beginAtZero: line } }
    }
  })
}
