from django import forms


class DataSourceUploadForm(forms.Form):
    file = forms.FileField(
        label="USDataBiz CSV file",
        help_text="Comma, tab or semicolon separated; UTF-8, UTF-8 with BOM, UTF-16 or Windows-1252.",
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.txt,.tsv,text/csv"}),
    )
